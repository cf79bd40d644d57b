"""The commands around build: new, init, diff, preview. Only the CLI imports them."""
