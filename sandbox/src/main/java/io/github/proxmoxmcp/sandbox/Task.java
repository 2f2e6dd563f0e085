package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.List;

/** A Proxmox worker task: it runs for the configured duration, then its work is applied and it stops. */
final class Task {

    /** What a task does when it ends; throwing {@link Failure} makes it fail with that message. */
    @FunctionalInterface
    interface Work {
        void run(Task task);
    }

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    final String upid;
    final String node;
    final String type;
    final String id;
    final String user;
    final int pid;
    final int pstart;
    final long starttime;
    final long deadlineNanos;
    final Work work;
    final List<String> log = new ArrayList<>();
    String status = "running";
    String exitstatus;
    long endtime;

    Task(String node, String type, String id, String user, int pid, int pstart, long starttime, long deadlineNanos,
         Work work) {
        this.node = node;
        this.type = type;
        this.id = id;
        this.user = user;
        this.pid = pid;
        this.pstart = pstart;
        this.starttime = starttime;
        this.deadlineNanos = deadlineNanos;
        this.work = work;
        this.upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, starttime, type, id, user);
    }

    boolean running() {
        return status.equals("running");
    }
}
