"""The main window's person curation: rename, merge, split an alias, set a role,
mark as not a person, from the Persons tab's buttons and context menu.

A mixin of :class:`~searchapp.gui.main_window.MainWindow`.  The dialogs ask
here; each action is recorded and applied by the core
(:func:`searchapp.api.curate_person`, kept in the data folder's
``curation.toml``) in the engine's process, which then serves the new persons
(:meth:`~searchapp.gui.session.SearchSession.curate`).  The persons list,
facets and results then refresh; a refusal is one line in the status bar.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox


def merge_steps(rows: list[dict]) -> tuple[str, list[tuple[str, str, str]]]:
    """The person that several rows merge into (the most mentioned, then the first)
    and the steps that merge the others into it."""
    keep = max(rows, key=lambda r: r.get("paragraphs", 0))
    return keep["name"], [("merge", keep["name"], r["name"]) for r in rows if r is not keep]


def _quoted(names: list[str]) -> str:
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


class PersonCuration:
    """Curation asked for in the Persons tab, applied off the GUI thread."""

    curation_error: str | None = None  # the last refusal, as shown

    def _connect_curation(self) -> None:
        self.persons_panel.curate_requested.connect(self.ask_curation)

    def ask_curation(self, op: str, rows: list[dict]) -> None:
        """Ask what the action needs (a name, an alias, a confirmation), then apply it."""
        if not rows or self.persons_panel.busy:
            return
        name = rows[0]["name"]
        if op == "rename":
            new, ok = QInputDialog.getText(
                self, "Rename person", f"New name for '{name}' (the old name stays "
                "a spelling of them):", QLineEdit.EchoMode.Normal, name)
            if ok and new.strip() and new.strip() != name:
                self.curate([("rename", name, new.strip())], f"Renamed '{name}' to '{new.strip()}'")
        elif op == "role":
            role, ok = QInputDialog.getText(self, "Set role", f"Role of '{name}':",
                                            QLineEdit.EchoMode.Normal, rows[0].get("role", ""))
            if ok and role.strip() != rows[0].get("role", ""):
                self.curate([("role", name, role.strip())], f"Role of '{name}' set")
        elif op == "split":
            aliases = list(rows[0].get("aliases", []))
            alias, ok = QInputDialog.getItem(
                self, "Split alias", f"Which spelling of '{name}' is someone else? "
                "It becomes a person of its own.", aliases, 0, False)
            if ok and alias:
                self.curate([("split", name, alias)], f"'{alias}' is now a person of its own")
        elif op == "merge" and len(rows) > 1:
            keep, steps = merge_steps(rows)
            others = [v for _op, _k, v in steps]
            if self._confirm("Merge persons", f"Merge {_quoted(others)} into '{keep}'?\n\n"
                             f"Their names become other spellings of '{keep}'. "
                             "Split alias… undoes it for one spelling."):
                self.curate(steps, f"Merged {_quoted(others)} into '{keep}'")
        elif op == "hide":
            names = [r["name"] for r in rows]
            if self._confirm("Not a person", f"{_quoted(names)}: not a person?\n\n"
                             "They leave the persons table, the facets and the results' "
                             "person marks. Nothing is deleted; the choice is kept in "
                             "your curation file."):
                self.curate([("hide", n, "") for n in names], f"{_quoted(names)}: not a person")

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def curate(self, steps: list[tuple[str, str, str]], told: str = "Curation applied") -> None:
        """Apply ``steps`` (``(op, name, value)``) in order, off the GUI thread; the
        status bar says "Applying…", then ``told`` or why it was refused."""
        if self.persons_panel.busy:
            self.statusBar().showMessage("A curation is being applied; try again in a moment",
                                         4000)
            return
        if self.session.indexing:  # its persons stage writes the persons too: one at a time
            self.statusBar().showMessage("The index is being updated: curate when it is done",
                                         6000)
            return
        self.curation_error = None
        self.persons_panel.set_busy(True)
        self.statusBar().showMessage("Applying: " + told + "…")

        def done(_result) -> None:
            self.persons_panel.set_busy(False)
            self._follow_curation(steps)
            self.statusBar().showMessage(told, 6000)

        def failed(message: str) -> None:
            line = (message.strip().splitlines() or ["refused"])[0]
            self.curation_error = line  # before the panel says it is done
            self.persons_panel.set_busy(False)
            self.statusBar().showMessage(f"Not applied: {line}", 10000)
            self.run_search()

        self.session.curate(steps, done, failed)

    def _follow_curation(self, steps: list[tuple[str, str, str]]) -> None:
        """The persons filtered by follow what was done to them (a renamed person
        by the new name, a merged one as the person kept, a hidden one no more);
        then the results and facets are asked for again."""
        persons = list(self.request.persons)
        exclude = {k: list(v) for k, v in self.request.exclude.items()}
        for op, name, value in steps:
            rename = {"rename": (name, value), "merge": (value, name)}.get(op)
            for values in (persons, exclude.get("person", [])):
                if rename:
                    values[:] = [rename[1] if v == rename[0] else v for v in values]
                elif op == "hide":
                    values[:] = [v for v in values if v != name]
        persons = list(dict.fromkeys(persons))
        exclude = {k: list(dict.fromkeys(v)) for k, v in exclude.items() if v}
        if persons != self.request.persons or exclude != self.request.exclude:
            self.state.set_person_filters(persons, exclude)  # searches again
        else:
            self.run_search()
