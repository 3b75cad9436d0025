"""``facilitator guidelines``: read and edit the guidelines draft without the window.

Export is ``facilitator export guidelines -o FILE.pdf|FILE.docx``; these subcommands cover the
edits a rapporteur or facilitator makes, so the whole capability also works headless.
"""

from __future__ import annotations

import argparse
from typing import Any

from facilitator.app import guidelines
from facilitator.app.session import WorkshopSession
from facilitator.cli.common import open_reader, open_session, print_json
from facilitator.core.guidelines import STATUS_LABELS, STATUSES, GuidelinesDraft

__all__ = ["register"]

_FIELD_OPTIONS = (
    ("--lead", "lead_agency", "lead agency"),
    ("--partners", "partners", "partner agencies, separated by commas"),
    ("--timeframe", "timeframe", "when, e.g. 'within 6 months'"),
    ("--rec", "recommendations", "linked Manila recommendations, e.g. S3R13 or 'S3R12, S4R2'"),
    ("--group", "source_group", "the group that proposed it"),
    ("--status", "status", f"one of {', '.join(STATUSES)}"),
)


def register(subparsers: Any) -> None:
    """Add the ``guidelines`` subcommands."""
    parser = subparsers.add_parser("guidelines", help="show or edit the guidelines draft")
    parser.add_argument("--json", action="store_true", help="print the draft as JSON")
    parser.set_defaults(func=_show)
    commands = parser.add_subparsers(dest="guidelines_command", metavar="ACTION")
    add = commands.add_parser("add", help="add a key action to a section")
    add.add_argument(
        "section", metavar="SECTION", help="section number (from 1) or key, e.g. joint-operations"
    )
    add.add_argument("text", metavar="TEXT", help="the key action")
    edit = commands.add_parser("edit", help="change fields of a key action")
    edit.add_argument("id", type=int, metavar="ID", help="key action id (see --json)")
    edit.add_argument("--text", dest="action", metavar="TEXT", help="new wording")
    for command in (add, edit):
        for option, field, text in _FIELD_OPTIONS:
            command.add_argument(option, dest=field, metavar="VALUE", help=text)
    add.set_defaults(func=_add)
    edit.set_defaults(func=_edit)
    status = commands.add_parser("status", help="mark key actions proposed, agreed or deferred")
    status.add_argument("status", metavar="STATUS", help=f"one of {', '.join(STATUSES)}")
    status.add_argument("ids", type=int, nargs="+", metavar="ID")
    status.set_defaults(func=_status)
    merge = commands.add_parser("merge", help="merge duplicate key actions into the first one")
    merge.add_argument("ids", type=int, nargs="+", metavar="ID")
    merge.add_argument("--text", metavar="TEXT", help="wording of the merged action")
    merge.set_defaults(func=_merge)
    pull = commands.add_parser(
        "pull-triggers", help="bring the top-voted red flags into the trigger sections"
    )
    pull.add_argument("--limit", type=int, default=guidelines.DEFAULT_TRIGGER_LIMIT, metavar="N")
    pull.set_defaults(func=_pull)
    version = commands.add_parser("version", help="number a new version of the draft")
    version.add_argument("--note", default="", metavar="TEXT", help="what changed")
    version.add_argument("--major", action="store_true", help="step to the next major version (v1.0)")
    version.set_defaults(func=_version)


def _draft_json(draft: GuidelinesDraft) -> dict[str, object]:
    version = draft.current_version
    return {
        "title": draft.title,
        "version": {"label": version.label, "created": version.created.isoformat(), "note": version.note}
        if version
        else None,
        "sections": [
            {
                "number": number,
                "key": section.key,
                "title": section.title,
                "text": section.body,
                "triggers": [
                    {
                        "red_flag": t.red_flag,
                        "category": t.category,
                        "evidence": t.evidence,
                        "refer_to": t.refer_to,
                        "votes": t.votes,
                        "groups": t.groups,
                    }
                    for t in draft.triggers_in(section.id)
                ],
                "actions": [
                    {
                        "id": a.id,
                        "number": f"{number}.{index}",
                        "action": a.action,
                        "lead_agency": a.lead_agency,
                        "partners": a.partners,
                        "timeframe": a.timeframe,
                        "recommendations": list(a.recommendations),
                        "source_group": a.source_group,
                        "status": a.status,
                    }
                    for index, a in enumerate(draft.actions_in(section.id), start=1)
                ],
            }
            for number, section in enumerate(draft.sections, start=1)
        ],
    }


def _print_draft(draft: GuidelinesDraft) -> None:
    version = draft.current_version
    print(draft.title + (f" — draft {version.label} of {version.created:%d %B %Y}" if version else ""))
    print(draft.status_summary)
    for number, section in enumerate(draft.sections, start=1):
        print(f"\n{number}. {section.title}")
        for trigger in draft.triggers_in(section.id):
            print(f"   trigger ({trigger.votes} votes): {trigger.red_flag}")
        for index, action in enumerate(draft.actions_in(section.id), start=1):
            status = STATUS_LABELS[action.status].lower()
            print(f"   {number}.{index} [id {action.id}, {status}] {action.action}")


def _run(args: argparse.Namespace, work: Any, writes: bool = True) -> int:
    with open_session(args) if writes else open_reader(args) as session:
        return int(work(session))


def _show(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        draft = guidelines.draft(session)
        if args.json:
            print_json(_draft_json(draft))
        else:
            _print_draft(draft)
        return 0

    return _run(args, work, writes=False)


def _fields(args: argparse.Namespace) -> dict[str, str]:
    names = [field for _, field, _ in _FIELD_OPTIONS] + ["action"]
    return {name: value for name in names if (value := getattr(args, name, None)) is not None}


def _add(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        section = guidelines.draft(session).find_section(args.section)
        new_id = guidelines.add_action(session, section.id, args.text, **_fields(args))
        print(f"Added key action {new_id} to {section.title}.")
        return 0

    return _run(args, work)


def _edit(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        changes = guidelines.edit_action(session, args.id, **_fields(args))
        print(f"{changes.label}." if changes.topics else "Nothing to change.")
        return 0

    return _run(args, work)


def _status(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        changes = guidelines.set_status(session, args.ids, args.status)
        print(f"{changes.label}." if changes.topics else "Nothing to change.")
        return 0

    return _run(args, work)


def _merge(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        kept = guidelines.merge_actions(session, args.ids, args.text)
        print(f"Merged {len(set(args.ids))} key actions into {kept}.")
        return 0

    return _run(args, work)


def _pull(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        print(guidelines.pull_referral_triggers(session, args.limit).message)
        return 0

    return _run(args, work)


def _version(args: argparse.Namespace) -> int:
    def work(session: WorkshopSession) -> int:
        version = guidelines.new_version(session, args.note, args.major)
        print(f"The guidelines draft is now {version.label} of {version.created:%d %B %Y}.")
        return 0

    return _run(args, work)
