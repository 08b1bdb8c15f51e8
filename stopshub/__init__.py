"""Third-party stop packages: mount and unmount."""
