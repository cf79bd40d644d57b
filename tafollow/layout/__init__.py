"""Model → plan: what goes on which slide, where, at what size. The only stage that decides geometry."""
