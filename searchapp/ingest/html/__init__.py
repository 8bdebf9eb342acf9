"""HTML pages: main-article extraction (:mod:`~searchapp.ingest.html.extract`), the
rules chosen by cross-validation (:mod:`~searchapp.ingest.html.rules`), deep pages
(:mod:`~searchapp.ingest.html.flat`), the page's own metadata checked and completed
(:mod:`~searchapp.ingest.html.meta`) and trafilatura's selectors answered faster
(:mod:`~searchapp.ingest.html._trafilatura`, fenced: its private lists)."""
