"""Site-wide search: each app declares what it contributes (registry.py); the engine knows
no model by name. Documents are stored in their search form (lsunion.text.normalise);
queries are normalised the same way and expanded with the editable abbreviation list."""
