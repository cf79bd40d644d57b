"""What both readers of other people's decks (check, import) and the writer share about OOXML: names, units, colours."""
