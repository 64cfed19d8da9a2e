"""The figure engine: article text in, typed Observation records out (see docs/architecture.md).

Where each thing is decided:

Reading the text
    ``engine``         :func:`extract_observations`: walks the sentences, keeps the version
    ``document``       what earlier sentences tell later ones (paragraph period and year, last entity)
    ``sentences``      paragraphs, sentences, clauses, boilerplate lines
    ``numbers``        full-width normalisation, digits, word numbers, Chinese numerals, scale words
    ``scan``           fast scanning: where a pattern may start
    ``lexicon``        every cue-word list (bound words, months, change and projection words, ...)

Finding figures in a sentence (``finder``)
    ``spans``          where a number starts; dates, codes, labels and bare years are no figures
    ``fractions``      "one-third", "half", "one in every five", 四分之三, 一半
    ``measures``       what a number measures: money, percent, pp, or a count and its noun (``units``)
    ``currencies``     currency and scale words
    ``qualifiers``     the qualifier (about, more than, 以上), "from X to Y" ends, bounds shared by a list
    ``pairs``          ranges (low/high end) and conversions ("($41 billion)")
    ``figure``         the Figure record

Giving each figure its context (``reader``, over the sentence's ``facts``)
    ``roles``          growth rate, share or level; the sign of a decline
    ``matcher``        catalogue phrases and trade partners found in text
    ``metric_choice``  the metric and subject phrase
    ``respectively``   "A and B rose 5% and 3%, respectively", 分别
    ``partners``       the trade partner
    ``entities``       places and companies named; ``entity_choice``: the one a figure is about
    ``periods``        periods named; ``period_choice``: the one a figure gets
    ``projection``     target/forecast or actual
"""

from gdwatch.extractors.figures.engine import EXTRACTOR_VERSION, FigureExtractor, extract_observations

__all__ = ["EXTRACTOR_VERSION", "FigureExtractor", "extract_observations"]
