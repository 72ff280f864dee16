"""Task notes: the community adds, in its own words, how to do the operator's
tasks on this hub; nothing else about a task can be set from the service."""

from jupyterlab_hub_help.service.document import build_document
from jupyterlab_hub_help.service.validation import check_section, errors


def test_a_note_holds_the_task_id_and_how_text_only():
    assert errors(check_section("tasks", [{"id": "add-user", "how": {"text": "Ask Rosa"}}])) == []
    found = errors(check_section("tasks", [
        {"id": "add-user", "owner": "user", "how": {"text": "x", "command": {"id": "a:b"}}},
    ]))
    assert [(p["path"], p["code"]) for p in found] == [
        ("$.tasks[0].owner", "not-community"),
        ("$.tasks[0].how.command", "not-community"),
    ]


def test_a_note_is_checked_with_the_format_rules():
    found = errors(check_section("tasks", [{"id": "Not An Id", "how": {"text": ""}}]))
    assert {(p["path"], p["code"]) for p in found} >= {
        ("$.tasks[0].id", "pattern"),
        ("$.tasks[0].how.text", "localized"),
    }


def test_notes_are_served_as_the_documents_tasks():
    notes = [{"id": "add-user", "how": {"text": "Ask Rosa"}}]
    assert build_document({"tasks": notes})["tasks"] == notes
    assert "tasks" not in build_document({"tasks": notes}, enabled=["people"])
