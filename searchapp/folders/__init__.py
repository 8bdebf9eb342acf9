"""The folders searched: their list (:mod:`~searchapp.folders.folder_list`), what
they hold as the indexer sees it (:mod:`~searchapp.folders.sources`) and their live
changes (:mod:`~searchapp.folders.watch`)."""
