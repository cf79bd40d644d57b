"""The master template and the label and skeleton templates, installed as `tafollow.templates`.

This file only makes the folder a package: setuptools' editable install
finds a folder mapped into tafollow (see pyproject.toml) only as a regular
package. tafollow reads the files through `tafollow.resources`.
"""
