package dev.engram.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shards split ids disjointly, completely and the same way every time. */
class ShardTest {
    @Test
    void everyIdBelongsToExactlyOneShardOfN() {
        for (int n : new int[] {1, 2, 3, 7}) {
            for (int i = 0; i < 1000; i++) {
                String id = "doc-" + i;
                long owners = IntStream.range(0, n).filter(k -> new Shard(k, n).owns(id)).count();
                assertThat(owners).as(id + " of " + n + " shards").isEqualTo(1);
            }
        }
        long inFirst = IntStream.range(0, 1000).filter(i -> Shard.parse("0/2").owns("doc-" + i)).count();
        assertThat(inFirst).as("roughly half").isBetween(400L, 600L);
        assertThat(Shard.parse(" 1/2 ").owns("doc-17")).isEqualTo(new Shard(1, 2).owns("doc-17"));
        assertThat(Shard.parse("3/4").toString()).isEqualTo("3/4");
    }

    @Test
    void badShardsAreClearErrors() {
        for (String bad : new String[] {"2/2", "-1/2", "0/0", "a/b", "1", "1/2/3", ""}) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i/n");
        }
    }
}
