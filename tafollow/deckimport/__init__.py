"""`tafollow import`: a TA-seuranta deck, made by hand in PowerPoint or by tafollow, back into data."""
