"""The annotation activities, one Django app each: debates, hazards, principles."""
