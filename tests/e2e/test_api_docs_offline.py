"""The API docs (``/api/docs/``, Swagger UI) work without the internet: nothing comes from a CDN."""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlsplit

from playwright.sync_api import Page, Route, expect

from tests.e2e.test_pages import register_and_log_in


def offline(page: Page, server_url: str) -> list[str]:
    """Abort every request not to the live server, as if offline; the list of those attempted."""
    ours = urlsplit(server_url).netloc
    elsewhere: list[str] = []

    def only_ours(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == ours or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort("internetdisconnected")

    page.context.route("**/*", only_ours)
    return elsewhere


def test_the_api_docs_render_their_operations_offline(page: Page, server):
    # given: a logged-in user whose browser reaches nothing but the server
    elsewhere = offline(page, server.url)
    register_and_log_in(page, f"docs-{secrets.token_hex(3)}")

    # when
    page.goto("/api/docs/")

    # then: Swagger UI, from the server's static files, lists the API's operations
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("PiFlow API")
    flows = page.locator(".opblock-tag-section").filter(has=page.locator("h3[data-tag='flows']"))
    expect(flows).to_be_visible()
    expect(page.locator(".opblock-summary-path[data-path='/api/flows/']").first).to_be_visible()
    method = page.locator(".opblock-summary-method").first
    expect(method).to_have_text(re.compile("GET|POST|PUT|PATCH|DELETE"))
    # and nothing was asked of another host
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
