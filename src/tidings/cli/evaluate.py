"""`tidings eval`: score the coder against gold sets."""
