from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlowsConfig(AppConfig):
    name = "flows"
    verbose_name = _("Flows")

    def dashboard_counts(self, user: Any) -> dict[str, Any]:
        """The flows the user sees and their runs by state (the dashboard's ``flows`` and ``runs``)."""
        from flows.selectors import flow_list, process_counts_by_state

        return {"flows": flow_list(user=user).count(), "runs": process_counts_by_state(user=user)}
