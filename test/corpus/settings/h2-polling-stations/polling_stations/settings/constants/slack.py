BOTS_CHANNEL = "bots"
BOTS_TESTING_CHANNEL = "bot-testing"
