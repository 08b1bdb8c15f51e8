"""Access: what each user's flows may reach, and the grants through which an admin widens it.

A non-admin's flows reach their own workspace (``$PIFLOW_DATA_DIR/files/<user id>/``), their own
Hive database, and only what an admin granted: folders and URI prefixes, hosts, Hive databases,
the right to run stops that run code. ``selectors.policy_for(user)`` turns that into the engine's
``piflow.AccessPolicy``, which validation and the worker apply. Admins are not restricted.
"""
