from hypothesis import given, settings

from tests.strategies import assessments
from youthaction_scoring import dumps_assessment, loads_assessment, score_assessment


@settings(max_examples=30, deadline=None)
@given(assessments())
def test_generated_assessments_round_trip_and_score(assessment):  # type: ignore[no-untyped-def]
    """A generated assessment survives JSON and scores within bounds."""
    assert assessment == loads_assessment(dumps_assessment(assessment))
    for card in score_assessment(assessment):
        assert 0 <= card.total <= 200
