"""Training library: plain Python, never imports Django, so it runs on a bare GPU worker."""
