"""What one change did, kept as a revert, and undoing only a change's entries."""

import pytest

from jupyterlab_hub_help.service.diff import (
    EntriesChanged,
    apply_revert,
    can_revert_only,
    revert_of,
    revert_only,
    summary_of,
)

A, B, C, D = ({"id": x, "name": x.upper()} for x in "abcd")


@pytest.mark.parametrize("before, after", [
    ([A, B, C], [A, C]), ([A, C], [A, B, C]), ([A, B], [B, A]), (None, [A]), ([A], None),
    ({"text": "x"}, {"text": "y"}), ([], [A, B, C, D]), ([A, B, C, D], [D]),
])
def test_a_revert_gives_back_the_value_before(before, after):
    assert apply_revert(revert_of(before, after), after) == before


def test_a_revert_keeps_only_what_changed():
    people = [{"id": f"p{i}", "name": f"P{i}"} for i in range(1000)]
    edited = [*people[:500], {**people[500], "name": "Changed"}, *people[501:]]
    revert = revert_of(people, edited)
    assert revert == {"splices": [[500, 1, [people[500]]]]}
    assert summary_of(people, edited) == {"added": 0, "removed": 0, "changed": 1}


def test_only_this_change_keeps_what_later_changes_did():
    # The change removed B and changed C; someone then added D.
    before, after, current = [A, B, C], [A, {**C, "name": "C2"}], [A, {**C, "name": "C2"}, D]
    assert revert_only(before, after, current) == [A, B, C, D]
    assert can_revert_only(before, after, current)


def test_only_this_change_is_refused_where_a_later_one_touched_its_entries():
    with pytest.raises(EntriesChanged) as clash:
        revert_only([A], [{**A, "name": "A2"}], [{**A, "name": "A3"}])
    assert clash.value.labels == ["A2"]


@pytest.mark.parametrize("before, after, current", [
    ([A, B], [B, A], [B, A]),          # a reorder only: nothing to undo alone
    (["x", "x"], ["x"], ["x"]),         # entries that cannot be told apart
    ({"text": "x"}, {"text": "y"}, {"text": "y"}),  # not a list
])
def test_only_this_change_is_not_offered_where_it_cannot_be_told(before, after, current):
    assert revert_only(before, after, current) is None
    assert not can_revert_only(before, after, current)
