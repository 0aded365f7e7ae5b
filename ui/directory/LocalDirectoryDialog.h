#pragma once

#include "ui/widgets/DeskTool.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace cpis {
class LocalDirectory;
struct DirectoryEntry;
} // namespace cpis

namespace cpis::ui {

class LocalDirectoryModel;

// The site's local directory: a table of local authorities with the email and notes the
// national record does not carry, with add, edit and remove. Every change is written to
// the encrypted store at once, and the table is reloaded from it, so it shows what is kept.
class LocalDirectoryDialog : public QDialog
{
    Q_OBJECT
public:
    // The main window's Desk menu entry that opens the dialog over `directory`.
    static DeskTool tool(LocalDirectory& directory);

    explicit LocalDirectoryDialog(LocalDirectory& directory, QWidget* parent = nullptr);

    LocalDirectoryModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

public slots:
    void addEntry();
    void editEntry();
    void removeEntry();

signals:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload(const QString& selectOds = {});
    // Stores an added or edited entry and shows it selected, or says why it was not saved.
    void save(const DirectoryEntry& e);
    void updateButtons();
    void showError(const QString& what, const QString& message);
    int currentRow() const;

    LocalDirectory& m_directory;
    LocalDirectoryModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace cpis::ui
