package org.rangefinder.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rangefinder.Setting;
import org.rangefinder.SettingProblem;

class DataOptionsTest {

    private static DataOptions sized(String text) {
        return DataOptions.defaults().withImageSize(text);
    }

    @Test
    void anImageSizeIsWidthByHeightOrOneNumberForASquare() {
        assertThat(sized("32x24").imageWidth()).isEqualTo(32);
        assertThat(sized("32x24").imageHeight()).isEqualTo(24);
        assertThat(sized(" 16 X 8 ").imageSizeText()).isEqualTo("16x8");
        assertThat(sized("64").imageSizeText()).isEqualTo("64x64");
        assertThat(sized("4096x1").imageSizeText()).isEqualTo("4096x1");
        assertThat(DataOptions.defaults().imageSizeText()).isEqualTo("28x28");
    }

    @Test
    void anImageSizeThatIsNoSizeOrOutOfRangeIsRefusedAsTheImageSize() {
        assertThatThrownBy(() -> sized("32x")).isInstanceOf(SettingProblem.class)
                .hasMessage("--image-size must be WIDTHxHEIGHT in pixels, such as 32x32, or one number for a square, "
                        + "got '32x'")
                .satisfies(e -> assertThat(((SettingProblem) e).setting()).isEqualTo(Setting.IMAGE_SIZE));
        assertThatThrownBy(() -> sized("-3x3")).hasMessageContaining("got '-3x3'");
        assertThatThrownBy(() -> sized("0")).isInstanceOf(SettingProblem.class)
                .hasMessage("--image-size must be from 1x1 to 4096x4096 pixels, got 0x0");
        assertThatThrownBy(() -> sized("4097x8")).hasMessage("--image-size must be from 1x1 to 4096x4096 pixels, "
                + "got 4097x8");
        assertThatThrownBy(() -> sized("99999999999x8")).hasMessage("--image-size must be from 1x1 to 4096x4096 "
                + "pixels, got '99999999999x8'");
    }
}
