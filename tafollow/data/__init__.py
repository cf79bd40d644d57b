"""Files → validated models: reading YAML with positions, the models in the users' words, the loader, the schemas."""
