"""kg's spaCy components: the fast attribute ruler and lemmatizer give exactly the stock
annotations; the paragraph component ends sentences at blank lines."""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from kg.extract.components.attributes import FastAttributes, compile_rule, split_tag_table
from kg.extract.components.lemmas import CachedLemmas
from kg.extract.nlp import load_pipeline, mask_boilerplate
from kg.io.readers import read_inputs

from conftest import SHARED

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP]
#: Written for the ruler's exceptions: contractions, "ai n't", "gon na", "y' all", expletives.
EXCEPTIONS = ("Y'all ain't gonna believe it. Let's go, I gotta see. There's nothin' here and "
              "there are none. I'd have done it; she doesn't. It's not what you think, is it? "
              "Whether or not they'll come, we'll see y' all, won't we? Give it to me and you.")


@pytest.fixture(scope="module")
def stock():
    return load_pipeline(fast=False)


def test_fast_components_replace_the_stock_ones(nlp):
    assert {"kg_attributes", "kg_lemmas"} <= set(nlp.pipe_names)
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)


def test_same_annotations_as_the_stock_pipeline_on_the_shared_corpus(nlp, stock):
    texts = [mask_boilerplate(a.text) for a in read_inputs([str(SHARED / "corpus")])
             if hasattr(a, "text")]
    assert len(texts) >= 20
    texts.append(EXCEPTIONS)
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert fast_doc.to_array(ANNOTATIONS).tolist() == stock_doc.to_array(ANNOTATIONS).tolist()


def test_exception_words_get_the_exception_not_the_tag_table(nlp):
    doc = nlp("It is not over.")
    negation = next(t for t in doc if t.lower_ == "not")
    assert negation.morph.get("Polarity") == ["Neg"]
    assert next(t for t in doc if t.lower_ == "is").pos_ == "AUX"


def test_only_the_leading_run_of_tag_patterns_becomes_a_table():
    patterns = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
                {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB", "MORPH": "VerbForm=Inf"}},
                {"patterns": [[{"LOWER": "do", "TAG": "VB"}]], "attrs": {"POS": "AUX"}},
                {"patterns": [[{"TAG": "JJ"}]], "attrs": {"POS": "ADJ"}}]
    table, rest = split_tag_table(patterns)
    assert set(table) == {"NN", "VB"}
    assert [p["attrs"]["POS"] for p in rest] == ["AUX", "ADJ"]


def test_patterns_with_operators_are_left_to_the_matcher():
    strings = spacy.blank("en").vocab.strings
    assert compile_rule(0, [{"LOWER": "a", "OP": "?"}], {}, 0, strings) is None
    assert compile_rule(0, [{"POS": "NOUN"}], {}, 0, strings) is None
    rule = compile_rule(0, [{"LOWER": {"IN": ["x", "y"]}, "TAG": "NN"}], {}, 0, strings)
    assert rule is not None and rule.key is not None  # the exact TAG is the lookup key


def _tagged(vocab, words, tags, deps):
    doc = Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))
    return doc


def test_same_result_as_the_attribute_ruler_for_hand_made_patterns():
    """Precedence (a later tag pattern beats an earlier exception), regex, IN/NOT_IN,
    multi-token patterns with an index, and a Matcher fallback, against spaCy's ruler."""
    nlp = spacy.blank("en")
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"LOWER": "bank", "TAG": "NN"}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": {"REGEX": "^run+s?$"}}]], "attrs": {"LEMMA": "run"}},
        {"patterns": [[{"TAG": {"IN": ["VB", "NN"]}, "DEP": {"NOT_IN": ["ROOT"]}}]],
         "attrs": {"MORPH": "Foo=Bar"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
        {"patterns": [[{"LOWER": "big", "OP": "?"}, {"LOWER": "dog"}]], "attrs": {"LEMMA": "hound"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X"}},
    ]
    words = ["bank", "runs", "gon", "na", "big", "dog", "runnn", "go"]
    tags = ["NN", "VB", "VB", "TO", "JJ", "NN", "NN", "VB"]
    deps = ["ROOT", "dep", "aux", "aux", "amod", "dobj", "dep", "ROOT"]
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    expected = ruler(_tagged(nlp.vocab, words, tags, deps))
    fast = FastAttributes(nlp.vocab, patterns)
    assert fast.matcher_rules  # the OP pattern went to the Matcher
    got = fast(_tagged(nlp.vocab, words, tags, deps))
    assert got.to_array([POS, MORPH, LEMMA]).tolist() == expected.to_array([POS, MORPH, LEMMA]).tolist()
    assert got[0].pos_ == "X" and got[1].lemma_ == "run" and got[3].lemma_ == "to"
    assert got[5].lemma_ == "hound"


def test_cached_lemmas_keep_lemmas_already_set(stock):
    lemmatizer = stock.get_pipe("lemmatizer")
    doc = stock("The officers were running.", disable=["lemmatizer"])
    doc[1].lemma_ = "kept"
    CachedLemmas(lemmatizer)(doc)
    assert doc[1].lemma_ == "kept"
    assert doc[3].lemma_ == "run" and doc[2].lemma_ == "be"


def test_blank_line_ends_a_sentence(nlp):
    doc = nlp("Police arrest two men\n\nThe sheriff said on Monday that two men were held.")
    starts = [s.start for s in doc.sents]
    assert any(doc[i].text == "The" for i in starts)
