package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.spi.TaskInput;

/** How tools whose tasks end quickly wait for them: always, up to the default timeout. */
final class Waiting {

    static final TaskInput DEFAULT = new TaskInput() {
        @Override
        public Boolean waitForTask() {
            return null;
        }

        @Override
        public Integer timeout() {
            return null;
        }
    };

    private Waiting() {
    }
}
