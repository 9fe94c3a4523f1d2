"""What a resident sees in the public pages' markup (issue 12, point 11); the browser walk checks the rest."""

from tests.quality_pages import resolve


def test_town_map_page_shows_the_map_once(client):
    page = client.get("/ban-do").get_data(as_text=True)
    assert page.count('class="town-map"') == 1 and 'class="sidebar-map"' not in page
    assert 'class="sidebar-map"' in client.get("/").get_data(as_text=True)  # the other pages keep the block


def test_footer_links_the_feeds(client):
    assert 'class="rss-link" href="/rss"' in client.get("/").get_data(as_text=True)
    category = client.get("/tin-tuc/xay-dung-dang/").get_data(as_text=True)
    assert 'class="rss-link" href="/rss/xay-dung-dang"' in category


def test_print_page_links_its_icon(client, demo_app):
    page = client.get(resolve(demo_app, "print")).get_data(as_text=True)
    assert '<link rel="icon" href="/static/' in page  # else the browser asks for /favicon.ico and gets 404


def test_most_read_says_no_views_in_words(client):
    page = client.get("/").get_data(as_text=True)
    assert "(0 lượt xem)" not in page and "(chưa có lượt xem)" in page


def test_phone_menu_is_a_details_button(client):
    page = client.get("/").get_data(as_text=True)
    nav = page[page.index('<nav class="main-nav"') :]
    assert nav.index('<details class="menu">') < nav.index('<summary class="menu-toggle">Chuyên mục</summary>') < nav.index("Trang chủ")
