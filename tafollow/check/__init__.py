"""`tafollow check`: the accessibility problems of any deck."""
