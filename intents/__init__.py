"""workerbot NLU: normalisation, intents, entities and FAQ retrieval (no bot/actions imports)."""

from intents.interpreter import CourseRef, Interpreter, NLUOptions, fingerprint
from intents.normalise import normalise
from intents.retrieval import FaqDoc, KnowledgeBase, Match, RetrievalOptions
from intents.training_data import load_training_data

__all__ = [
    "CourseRef",
    "FaqDoc",
    "Interpreter",
    "KnowledgeBase",
    "Match",
    "NLUOptions",
    "RetrievalOptions",
    "fingerprint",
    "load_training_data",
    "normalise",
]
