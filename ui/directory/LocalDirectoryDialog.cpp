#include "ui/directory/LocalDirectoryDialog.h"

#include "core/directory/LocalDirectory.h"
#include "ui/directory/DirectoryEntryDialog.h"
#include "ui/directory/LocalDirectoryModel.h"
#include "ui/widgets/PlainLabel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace cpis::ui {

DeskTool LocalDirectoryDialog::tool(LocalDirectory& directory)
{
    DeskTool tool;
    tool.title = tr("Local &directory…");
    tool.objectName = QStringLiteral("localDirectoryAction");
    tool.open = [&directory](const UserSession&, QWidget* parent) -> QWidget* {
        return new LocalDirectoryDialog(directory, parent);
    };
    return tool;
}

LocalDirectoryDialog::LocalDirectoryDialog(LocalDirectory& directory, QWidget* parent)
    : QDialog(parent), m_directory(directory)
{
    setObjectName(QStringLiteral("localDirectoryDialog"));
    setWindowTitle(tr("Local directory"));
    setAccessibleName(tr("Local directory"));
    resize(720, 420);
    auto* layout = new QVBoxLayout(this);

    auto* intro =
        new PlainLabel(tr("Email addresses and notes for local authorities, kept encrypted "
                          "on this computer. The national CP-IS record does not carry "
                          "them; plan cards show them labelled \"local directory\"."),
                       this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* tableLabel = new PlainLabel(tr("&Local authorities"), this);
    layout->addWidget(tableLabel);
    m_model = new LocalDirectoryModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("localDirectoryView"));
    m_view->setAccessibleName(tr("Local directory entries"));
    m_view->setAccessibleDescription(
        tr("Enter edits the selected entry, Delete removes it, Insert adds one."));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab moves on to the buttons
    m_view->verticalHeader()->hide();
    // The code keeps its width; the email and the notes share the rest, elided with the whole
    // in a tooltip, so a long address never pushes the notes out of sight.
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(LocalDirectoryModel::OdsCode,
                                                     QHeaderView::ResizeToContents);
    tableLabel->setBuddy(m_view);
    layout->addWidget(m_view, 1);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &LocalDirectoryDialog::editEntry);
    m_view->installEventFilter(this);
    auto* del = new QShortcut(QKeySequence::Delete, m_view, nullptr, nullptr,
                              Qt::WidgetWithChildrenShortcut);
    connect(del, &QShortcut::activated, this, &LocalDirectoryDialog::removeEntry);
    auto* ins = new QShortcut(QKeySequence(Qt::Key_Insert), m_view, nullptr, nullptr,
                              Qt::WidgetWithChildrenShortcut);
    connect(ins, &QShortcut::activated, this, &LocalDirectoryDialog::addEntry);

    auto* row = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("localDirectoryAdd"));
    m_add->setAccessibleName(tr("Add a local directory entry"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("localDirectoryEdit"));
    m_edit->setAccessibleName(tr("Edit the selected entry"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("localDirectoryRemove"));
    m_remove->setAccessibleName(tr("Remove the selected entry"));
    for (QPushButton* b : {m_add, m_edit, m_remove}) {
        b->setAutoDefault(false);
        row->addWidget(b);
    }
    row->addStretch(1);
    layout->addLayout(row);
    connect(m_add, &QPushButton::clicked, this, &LocalDirectoryDialog::addEntry);
    connect(m_edit, &QPushButton::clicked, this, &LocalDirectoryDialog::editEntry);
    connect(m_remove, &QPushButton::clicked, this, &LocalDirectoryDialog::removeEntry);

    m_error = new PlainLabel(this);
    m_error->setObjectName(QStringLiteral("localDirectoryError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #d5281b; font-weight: bold; }"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Close the local directory"));
    // Enter in the table edits the entry; it must not also fall through to Close.
    close->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_model, &QAbstractItemModel::modelReset, this, &LocalDirectoryDialog::updateButtons);
    reload();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LocalDirectoryDialog::updateButtons);
    updateButtons();
    m_view->setFocus();
}

bool LocalDirectoryDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Enter edits the row. Taken here rather than from activated(): the view passes Enter
    // on to this dialog, whose default-button search would reach the new editor's Save
    // and save it unseen.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            editEntry();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

int LocalDirectoryDialog::currentRow() const
{
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void LocalDirectoryDialog::updateButtons()
{
    const bool selected = currentRow() >= 0;
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void LocalDirectoryDialog::showError(const QString& what, const QString& message)
{
    m_error->setText(what + QStringLiteral(": ") + message);
    m_error->setAccessibleName(m_error->text());
    m_error->show();
}

void LocalDirectoryDialog::reload(const QString& selectOds)
{
    auto all = m_directory.all();
    if (!all) {
        m_model->setEntries({});
        showError(tr("The local directory could not be read"), all.error().message);
        return;
    }
    m_model->setEntries(all.value());
    int row = selectOds.isEmpty() ? 0 : m_model->rowOf(selectOds);
    if (m_model->rowCount() > 0) {
        row = qBound(0, row, m_model->rowCount() - 1);
        m_view->setCurrentIndex(m_model->index(row, 0));
    }
    updateButtons();
}

void LocalDirectoryDialog::addEntry()
{
    auto* d = new DirectoryEntryDialog(DirectoryEntry{}, false, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d] {
        const DirectoryEntry e = d->entry();
        if (m_model->rowOf(e.odsCode) >= 0) {
            showError(tr("Not added"),
                      tr("%1 is already in the directory: edit it instead.").arg(e.odsCode));
            reload(e.odsCode);
            return;
        }
        save(e);
    });
    d->open();
}

void LocalDirectoryDialog::save(const DirectoryEntry& e)
{
    if (auto s = m_directory.put(e); !s) {
        showError(tr("Not saved"), s.error().message);
        return;
    }
    m_error->hide();
    reload(e.odsCode);
    m_view->setFocus();
    emit changed();
}

void LocalDirectoryDialog::editEntry()
{
    const int row = currentRow();
    if (row < 0)
        return;
    auto* d = new DirectoryEntryDialog(m_model->entry(row), true, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d] { save(d->entry()); });
    d->open();
}

void LocalDirectoryDialog::removeEntry()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QString ods = m_model->entry(row).odsCode;
    if (auto s = m_directory.remove(ods); !s) {
        showError(tr("Not removed"), s.error().message);
        return;
    }
    m_error->hide();
    reload();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1), 0));
    m_view->setFocus();
    emit changed();
}

} // namespace cpis::ui
