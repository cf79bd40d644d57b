"""Plan + master → .pptx: consumes the plan and decides nothing; saves deterministically and atomically."""
