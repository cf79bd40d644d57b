"""The deck's design: the palette and type scale (style), and how wide and tall text is (measure)."""
