package org.rangefinder.data;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Raw label values mapped to class indices. The classes are the distinct values, sorted: numerically when every
 * value is an integer ({@code 2 < 10}), otherwise as text; class {@code i} is the {@code i}-th of them.
 *
 * @param names   one name per class index: the value as written (integers in canonical form, {@code 07} is
 *                {@code 7})
 * @param indices the class index of each raw value, in order
 */
record ClassLabels(List<String> names, int[] indices) {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    static ClassLabels of(List<String> raw) {
        boolean integers = raw.stream().allMatch(v -> INTEGER.matcher(v).matches());
        List<String> values = integers
                ? raw.stream().map(v -> Long.toString(Long.parseLong(v))).toList()
                : raw;
        Comparator<String> order = integers ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        distinct.addAll(values);
        List<String> names = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        return new ClassLabels(names, values.stream().mapToInt(index::get).toArray());
    }
}
