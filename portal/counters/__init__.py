"""The counters: visits, page views, who is online, and the statistics built from them.

``visits`` holds the rules and the stores' interface; ``sql_store`` and ``redis_store`` the two
stores; ``counting`` is where requests meet them (which request counts, this app's store, the
figures read once per request); ``statistics`` the statistics page's report; ``cli`` the
``flask portal counters`` commands. The tables are in ``portal.models.stats``.
"""
