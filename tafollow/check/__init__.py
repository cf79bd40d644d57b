"""`tafollow check`: the accessibility problems of any deck (accessibility) or its PDF (pdf)."""
