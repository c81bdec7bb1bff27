package org.rxledger.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rxledger.app.testdata.FxWait.waitUntil;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rxledger.app.ui.TruncatedText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A cell cut with an ellipsis tells its whole text when the pointer rests on it; a cell shown whole gets no tooltip. */
@ExtendWith(ApplicationExtension.class)
class TruncatedTextUiTest {

    private static final String LONG = "Claim/service denied because the information submitted does not support this level";

    @Start
    void start(Stage stage) {
        TableView<String> table = new TableView<>();
        TableColumn<String, String> reason = new TableColumn<>("Reason");
        reason.setPrefWidth(120);
        reason.setCellValueFactory(c -> new SimpleStringProperty(c.getValue()));
        table.getColumns().add(reason);
        table.getItems().setAll(List.of(LONG, "CO-45"));
        Scene scene = new Scene(table, 300, 200);
        TruncatedText.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aCutCellShowsItsWholeTextAsATooltipAndAWholeOneNone(FxRobot robot) throws TimeoutException {
        TableCell<?, ?> cut = cell(robot, LONG);
        TableCell<?, ?> whole = cell(robot, "CO-45");

        robot.moveTo(cut);
        waitUntil(() -> cut.getTooltip() != null);
        assertThat(cut.getTooltip().getText()).isEqualTo(LONG);

        robot.moveTo(whole);
        robot.moveBy(1, 0);
        assertThat(whole.getTooltip()).isNull();
    }

    @Test
    void aScreensOwnTooltipIsKept(FxRobot robot) throws TimeoutException {
        TableCell<?, ?> cut = cell(robot, LONG);
        Tooltip own = new Tooltip("the screen's own words");
        robot.interact(() -> cut.setTooltip(own));

        robot.moveTo(cut);
        robot.moveBy(2, 0);
        waitUntil(() -> cut.isHover());
        assertThat(cut.getTooltip()).isSameAs(own);
    }

    private static TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").<TableCell<?, ?>>match(c -> text.equals(((TableCell<?, ?>) c).getText()))
                .query();
    }
}
