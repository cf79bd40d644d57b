"""The JSON Schemas of the data files, installed as `tafollow.schemas`.

This file only makes the folder a package: setuptools' editable install
finds a folder mapped into tafollow (see pyproject.toml) only as a regular
package. `tafollow init` and `tafollow schema --write` copy the schemas
into a data repository.
"""
