"""PDF signature verification (DESIGN §5): reports people can trust."""
