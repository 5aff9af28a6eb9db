"""The book's figures: drawing functions that a page calls with its own results.

A page computes (it trains a network, records a history), then draws what it
computed with a function of one of these modules, and saves the figure with
``style.save_png`` or ``style.save_gif``. The modules follow the chapters;
``style`` holds the look they share. Importing ``nnbook`` does not import
them: they need matplotlib and Pillow, which the ``book`` extra installs.
"""
