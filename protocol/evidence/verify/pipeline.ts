/**
 * A verification is an array of named steps run in order over one shared context (as aedes runs
 * its connectActions): each step reads what earlier ones left in the context and adds its own
 * findings. A step sets `done` to end the run early (nothing after it can be checked).
 */

export interface Step<C> {
	readonly name: string;
	run(context: C): void;
}

/** A step that waits for I/O (billing ingest looks up its stored chain). */
export interface AsyncStep<C> {
	readonly name: string;
	run(context: C): void | Promise<void>;
}

export interface PipelineContext {
	done?: boolean;
}

export function runSteps<C extends PipelineContext>(steps: readonly Step<C>[], context: C): C {
	for (const step of steps) {
		if (context.done) break;
		step.run(context);
	}
	return context;
}

export async function runStepsAsync<C extends PipelineContext>(steps: readonly AsyncStep<C>[], context: C): Promise<C> {
	for (const step of steps) {
		if (context.done) break;
		await step.run(context);
	}
	return context;
}
