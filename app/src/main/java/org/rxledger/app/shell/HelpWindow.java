package org.rxledger.app.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The user guide (F1): a search box and the list of pages on the left, the page on the right in a scroll pane, so
 * it fits a 1366×768 screen whatever its length. The pages' small markdown (headings, bullets, paragraphs) is laid
 * out as text, without a web view.
 */
final class HelpWindow {

    private final HelpPages pages;
    private final Stage stage = new Stage();
    private final TextField search = new TextField();
    private final ListView<HelpPages.Page> list = new ListView<>();
    private final TextFlow body = new TextFlow();

    HelpWindow(HelpPages pages, Window owner) {
        this.pages = pages;
        stage.initOwner(owner);
        stage.setTitle("RxLedger help");
        search.setId("helpSearch");
        search.setPromptText("Search the guide");
        list.setId("helpPages");
        list.getItems().setAll(pages.all());
        list.getStyleClass().add(Styles.DENSE);
        body.setId("helpBody");
        body.setPadding(new Insets(8, 16, 16, 16));
        body.setLineSpacing(2);
        search.textProperty().addListener((o, was, now) -> {
            list.getItems().setAll(pages.search(now));
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                e.consume();
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> show(now));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId("helpScroll");
        scroll.setFitToWidth(true);
        VBox left = new VBox(6, search, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));
        left.setPrefWidth(220);
        BorderPane root = new BorderPane(scroll);
        root.setLeft(left);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        // never larger than the screen it opens on: the page scrolls instead of being clipped
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(900, screen.getWidth() - 40), Math.min(640, screen.getHeight() - 60)));
    }

    void show(String pageName) {
        search.clear();
        list.getSelectionModel().select(pages.page(pageName));
        stage.show();
        stage.toFront();
        list.requestFocus();
    }

    Stage stage() {
        return stage;
    }

    private void show(HelpPages.Page page) {
        body.getChildren().clear();
        if (page == null) {
            return;
        }
        boolean code = false;
        for (String line : page.text().lines().toList()) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (code) {
                body.getChildren().add(text(line + "\n", Font.font("monospace", 12)));
            } else if (line.startsWith("# ")) {
                body.getChildren().add(text(line.substring(2) + "\n", Font.font(null, FontWeight.BOLD, 20)));
            } else if (line.startsWith("## ")) {
                body.getChildren().add(text("\n" + line.substring(3) + "\n", Font.font(null, FontWeight.BOLD, 15)));
            } else if (line.startsWith("- ")) {
                body.getChildren().add(text("  •  " + line.substring(2) + "\n", Font.font(13)));
            } else {
                body.getChildren().add(text(line.isBlank() ? "\n" : line + "\n", Font.font(13)));
            }
        }
    }

    private static Text text(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        t.setStyle("-fx-fill: -color-fg-default;"); // the theme's text colour, light or dark
        return t;
    }
}
