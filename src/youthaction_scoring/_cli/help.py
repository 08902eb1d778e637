"""Help in the run's language: commands, groups and options whose help comes from the catalogue.

A command names its :class:`~.._present.help_texts.CommandDoc` (summary,
description, examples) and each option its :class:`~.._domain.messages.Text`;
``--help`` is then rendered whole in the run's language (:func:`.lang.run_lang`),
laid out by :class:`.help_layout.HelpLayout`. The English texts also stay in
click's ordinary ``help``, ``short_help`` and ``epilog`` attributes, which the
command reference of the documentation is generated from.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .._domain.codes import Lang
from .._domain.messages import Text
from .._present.help_texts import CommandDoc, HelpWord
from .help_layout import HelpLayout
from .lang import run_lang

F = TypeVar("F", bound=Callable[..., Any])


class HelpOption(click.Option):
    """An option whose help is a catalogue text (its English also in ``help``)."""

    def __init__(self, *args: Any, help_text: Text, **kwargs: Any) -> None:
        """Create the option; *help_text* replaces click's ``help``."""
        kwargs["help"] = help_text.en
        super().__init__(*args, **kwargs)
        self.help_text = help_text


class HelpArgument(click.Argument):
    """An argument with a catalogue text, shown in the help's list of arguments."""

    def __init__(self, *args: Any, help_text: Text, **kwargs: Any) -> None:
        """Create the argument; its English help goes to ``help`` (click 8.5 has one)."""
        super().__init__(*args, **kwargs)
        self.help = help_text.en
        self.help_text = help_text


def option(*decls: str, text: Text, **attrs: Any) -> Callable[[F], F]:
    """``click.option`` with its help from the catalogue: ``option("--as-of", text=...)``.

    The decorator may be used on several commands (click 8.1.0 would drop
    ``cls`` from a shared decorator after its first use).
    """
    return lambda f: click.option(*decls, cls=HelpOption, help_text=text, **attrs)(f)


def argument(*decls: str, text: Text, **attrs: Any) -> Callable[[F], F]:
    """``click.argument`` with its help from the catalogue (reusable as :func:`option`)."""
    return lambda f: click.argument(*decls, cls=HelpArgument, help_text=text, **attrs)(f)


def _english(doc: CommandDoc, attrs: dict[str, Any]) -> dict[str, Any]:
    """The English help attributes of click (the command reference is generated from them)."""
    lines = "\n".join(example.line for example in doc.examples)
    epilog = f"{HelpWord.EXAMPLES.en}\n\n\b\n{lines}"
    return {**attrs, "help": doc.description.en, "short_help": doc.summary.en, "epilog": epilog}


class HelpCommand(click.Command):
    """A command whose ``--help`` is rendered from its :class:`CommandDoc` in the run's language."""

    def __init__(self, *args: Any, doc: CommandDoc, **kwargs: Any) -> None:
        """Create the command with its help *doc*."""
        super().__init__(*args, **_english(doc, kwargs))
        self.doc = doc

    def get_help(self, ctx: click.Context) -> str:
        """The help page in the run's language."""
        return render_help(self, self.doc, ctx, run_lang())

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Write the usage line in the run's language (a help page's, a usage error's)."""
        write_usage(self, ctx, formatter, run_lang())

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the arguments, letting ``--lang`` choose the language of a help page."""
        return super().parse_args(ctx, help_args(self, ctx, args))


class HelpGroup(HelpCommand, click.Group):
    """A group whose ``--help`` also lists its commands, with summaries in the run's language."""


def command(doc: CommandDoc, **attrs: Any) -> Callable[[Callable[..., Any]], HelpCommand]:
    """``click.command`` with its help from the catalogue: ``@command(SCORE)``."""
    return click.command(cls=HelpCommand, doc=doc, **attrs)


def help_args(command: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
    """Drop ``--lang X`` from a command line that asks for help of a command without ``--lang``.

    The language is found before parsing (:func:`.lang.scan_lang`), so
    ``youthaction-scoring convert --lang en -h`` shows the help in English
    although ``convert`` has no ``--lang``. A group drops it only from its
    own options (before the command's name); without ``-h`` nothing changes.
    """
    end = args.index("--") if "--" in args else len(args)
    if not set(ctx.help_option_names) & set(args[:end]):
        return args
    if any("--lang" in p.opts for p in command.params):
        return args
    kept: list[str] = []
    index = 0
    while index < end:
        arg = args[index]
        if arg == "--lang":
            index += 2
            continue
        if not arg.startswith("--lang="):
            if isinstance(command, click.Group) and not arg.startswith("-"):
                break  # the command's name: the rest is the command's own
            kept.append(arg)
        index += 1
    return [*kept, *args[index:]]


def _option_row(param: click.Parameter, ctx: click.Context, lang: Lang) -> tuple[str, str]:
    """One line of the list of options: its names and its help in *lang*."""
    names, english = param.get_help_record(ctx) or ("", "")
    if param.opts and set(param.opts) <= set(ctx.help_option_names):  # click's -h, --help
        return names, HelpWord.HELP.format(lang)
    text = getattr(param, "help_text", None)
    if not isinstance(text, Text):
        return names, english
    shown: Any = getattr(param, "show_default", None)  # a text: a default chosen at run time
    shown = shown if isinstance(shown, str) else param.default if shown else None
    extra = "" if shown is None else "  " + HelpWord.DEFAULT.format(lang, shown)
    if shown is None and param.required:
        extra = "  " + HelpWord.REQUIRED.format(lang)
    return names, text.format(lang) + extra


def render_help(command: click.Command, doc: CommandDoc, ctx: click.Context, lang: Lang) -> str:
    """The whole help page of *command* in *lang*.

    Usage, description, arguments, options, the group's commands, then the
    examples; wrapped to the terminal's width (at most ``max_content_width``).
    """
    out = HelpLayout(width=ctx.terminal_width, max_width=ctx.max_content_width)
    write_usage(command, ctx, out, lang)
    out.write_paragraph()
    with out.indentation():
        out.write_text(doc.description.format(lang))
    params = command.get_params(ctx)
    arguments = [p for p in params if isinstance(p, HelpArgument)]
    if arguments:
        with out.section(HelpWord.ARGUMENTS.format(lang)):
            names = [" ".join(p.get_usage_pieces(ctx)) for p in arguments]
            out.write_dl(
                [(n, p.help_text.format(lang)) for n, p in zip(names, arguments, strict=True)]
            )
    options = [_option_row(p, ctx, lang) for p in params if isinstance(p, click.Option)]
    with out.section(HelpWord.OPTIONS.format(lang)):
        out.write_dl([row for row in options if row[0]])
    if isinstance(command, click.Group):
        with out.section(HelpWord.COMMANDS.format(lang)):
            out.write_dl(_command_rows(command, ctx, lang))
    with out.section(HelpWord.EXAMPLES.format(lang)):
        for example in doc.examples:
            out.write_lines([HelpWord.CAPTION.format(lang, example.caption.format(lang))])
            with out.indentation():
                out.write_lines([example.line])
    return out.getvalue().rstrip("\n")


def write_usage(
    command: click.Command, ctx: click.Context, out: click.HelpFormatter, lang: Lang
) -> None:
    """Write ``用法：youthaction-scoring score [选项] INPUT`` (``Usage: …``) in *lang*."""
    pieces = [HelpWord.OPTIONS_METAVAR.format(lang)] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, click.Argument):
            pieces.extend(param.get_usage_pieces(ctx))
    if isinstance(command, click.Group):
        pieces.append(HelpWord.COMMAND_METAVAR.format(lang))
    out.write_usage(ctx.command_path, " ".join(pieces), HelpWord.USAGE.format(lang))


def _command_rows(group: click.Group, ctx: click.Context, lang: Lang) -> list[tuple[str, str]]:
    rows = []
    for name in group.list_commands(ctx):
        sub = group.get_command(ctx, name)
        if sub is None or sub.hidden:
            continue
        doc = getattr(sub, "doc", None)
        summary = (
            doc.summary.format(lang) if isinstance(doc, CommandDoc) else sub.get_short_help_str()
        )
        rows.append((name, summary))
    return rows
