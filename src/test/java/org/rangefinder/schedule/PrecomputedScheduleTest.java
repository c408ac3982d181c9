package org.rangefinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ISchedule;

class PrecomputedScheduleTest {

    @Test
    void valueAtReadsTheIterationAndHoldsTheLastValuePastTheEnd() {
        PrecomputedSchedule s = new PrecomputedSchedule(new double[] {0.1, 0.2, 0.3});
        assertThat(s.valueAt(0, 0)).isEqualTo(0.1);
        assertThat(s.valueAt(2, 5)).isEqualTo(0.3);
        assertThat(s.valueAt(3, 0)).isEqualTo(0.3);
        assertThat(s.valueAt(1_000_000, 7)).isEqualTo(0.3);
        assertThatThrownBy(() -> s.valueAt(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreCopiedInAndOut() {
        double[] values = {1, 2};
        PrecomputedSchedule s = new PrecomputedSchedule(values);
        values[0] = 99;
        s.values()[1] = 99;
        assertThat(s.values()).containsExactly(1, 2);
        assertThatThrownBy(() -> new PrecomputedSchedule(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cloneIsAnEqualIndependentSchedule() {
        PrecomputedSchedule s = new PrecomputedSchedule(new double[] {0.5, 0.25});
        ISchedule copy = s.clone();
        assertThat(copy).isNotSameAs(s).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(s).isNotEqualTo(new PrecomputedSchedule(new double[] {0.5, 0.26}));
    }

    @Test
    void survivesDl4jConfigurationJsonAndCloning() {
        OneCycleSchedule cycle = OneCycleSchedule.of(OneCycleSettings.defaults(40, 0.1));
        PrecomputedSchedule lr = new PrecomputedSchedule(cycle.lrs());
        PrecomputedSchedule momentum = new PrecomputedSchedule(cycle.momenta());
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Nesterovs(lr, momentum))
                .list()
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(4).nOut(3).activation(Activation.SOFTMAX)
                        .build())
                .build();

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(conf.toJson());
        Nesterovs updater = (Nesterovs) ((BaseLayer) restored.getConf(0).getLayer()).getIUpdater();
        assertThat(updater.getLearningRateSchedule()).isEqualTo(lr);
        assertThat(updater.getMomentumISchedule()).isEqualTo(momentum);
        assertThat(updater.getLearningRateSchedule().valueAt(12, 0)).isEqualTo(cycle.lr(12));
        assertThat(restored).isEqualTo(conf);

        MultiLayerConfiguration sgd = new NeuralNetConfiguration.Builder().updater(new Sgd(lr)).list()
                .layer(new OutputLayer.Builder().nIn(2).nOut(2).build()).build();
        Sgd cloned = (Sgd) ((BaseLayer) sgd.clone().getConf(0).getLayer()).getIUpdater();
        assertThat(cloned.getLearningRateSchedule()).isEqualTo(lr);
    }
}
