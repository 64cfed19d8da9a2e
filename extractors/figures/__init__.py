"""The figure engine: article text in, typed Observation records out (see docs/architecture.md).

Where each thing is decided:

Reading the text
    ``engine``         :class:`FigureExtractor`, compiled once from the catalogue and the gazetteer
    ``document``       what earlier sentences tell later ones: the period in force, the article's topic
                       entity, the last growth metric
    ``sentences``      paragraphs, sentences, clauses, boilerplate lines
    ``script``         traditional Chinese read through its simplified form, one character for one
    ``numbers``        full-width normalisation, digits, word numbers, Chinese numerals, scale words
    ``scan``           fast scanning: where a pattern may start
    ``lexicon``        every cue-word list (bound words, months, change and projection words, ...)

Finding figures in a sentence (``finder``)
    ``spans``          where a number starts; dates, codes, labels and bare years are no figures
    ``fractions``      "one-third", "half", "one in every five", 四分之三, 一半, tenths (四成)
    ``measures``       what a number measures: money, percent, pp, times, or a count and its noun
    ``units``, ``count_units``  the counted noun and its canonical unit (企业, firms -> enterprises)
    ``currencies``     currency and scale words
    ``qualifiers``     the qualifier (about, more than, 以上), "from X to Y" ends, bounds shared by a list
    ``pairs``          ranges (low/high end) and conversions ("($41 billion)")
    ``ratios``         sector ratios (2.1:45.3:52.6 -> three shares)
    ``figure``         the Figure record

Giving each figure its context (``reader``, over the sentence's ``facts`` and the extractor's vocabulary)
    ``places``         the compiled gazetteer (config/gazetteer.toml): places, companies, events, partners
    ``subjects``       the Chinese words that may stand before a metric phrase
    ``roles``          growth rate, share or level; the sign of a decline
    ``kinds``          level, change, share, increment or multiple; yoy, mom, qoq, avg_annual, share_of_plan
    ``matcher``        catalogue phrases found in text
    ``metric_choice``  the metric and subject phrase
    ``segments``       the part of the whole a figure is about (private enterprises, drones, services)
    ``respectively``   "A and B rose 5% and 3%, respectively", 分别
    ``partners``       the trade partner
    ``entities``       places and companies named; ``entity_choice``: the one a figure is about
    ``companies_zh``   Chinese companies in no gazetteer, where the article introduces them (粤澄电器)
    ``periods``        periods named (bases and points marked); ``period_choice``: the one a figure gets
    ``projection``     target/forecast or actual
"""

from gdwatch.extractors.figures.engine import EXTRACTOR_VERSION, FigureExtractor, extract_observations

__all__ = ["EXTRACTOR_VERSION", "FigureExtractor", "extract_observations"]
