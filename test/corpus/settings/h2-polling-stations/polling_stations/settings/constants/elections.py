import os
from pathlib import Path

EE_BASE = os.environ.get("EE_BASE", "https://elections.democracyclub.org.uk/")
"""
Every Election settings

Set CHECK to True to check Every Election to see if there is
an election happening before serving a poling station result

Set CHECK to False to return the value of HAS_ELECTION instead

This is mostly useful in development when we want
to see results even if there is no election happening
"""
EVERY_ELECTION = {"CHECK": True, "HAS_ELECTION": True}

NEXT_CHARISMATIC_ELECTION_DATES = ["2026-05-07"]

if data_path := os.environ.get("ELECTION_PARQUET_DATA_PATH", False):
    ELECTION_PARQUET_DATA_PATH = Path(data_path)
    USE_LOCAL_PARQUET_ELECTIONS = True
