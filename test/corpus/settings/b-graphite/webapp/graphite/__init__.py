# Two wrongs don't make a right, but three lefts do.
