"""Independent reference for test/agree.test.ts: NLTK's AnnotationTask.

Reads {"name": [[coder 1's labels], [coder 2's labels], ...]} as JSON on
stdin (null for a missing label) and prints {"name": {"kappa": k, "alpha": a}}:
kappa (Cohen's, only for two coders without missing labels) and
Krippendorff's alpha with NLTK's default (nominal) distance.
"""
import json
import sys

from nltk.metrics.agreement import AnnotationTask

results = {}
for name, coders in json.load(sys.stdin).items():
    data = [(str(c), str(i), str(label)) for c, labels in enumerate(coders) for i, label in enumerate(labels) if label is not None]
    task = AnnotationTask(data)
    complete = len(coders) == 2 and all(label is not None for labels in coders for label in labels)
    results[name] = {"kappa": task.kappa() if complete else None, "alpha": task.alpha()}
json.dump(results, sys.stdout)
