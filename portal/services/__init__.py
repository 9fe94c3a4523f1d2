"""The logic views call and tests drive directly. Nothing here reads Flask's request."""
