"""The commands around build: new, init, diff, preview (and pdftags, which finishes its PDF). Only the CLI imports them."""
