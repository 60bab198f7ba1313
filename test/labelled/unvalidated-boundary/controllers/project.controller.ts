import type { Request, Response } from "express";
import { Router } from "express";
import { z } from "zod";
import type { ProjectService } from "../services/project.service";

const CreateProject = z.object({ name: z.string().min(1).max(80), visibility: z.enum(["public", "private"]) });

export class ProjectController {
  constructor(private readonly projects: ProjectService) {}

  routes(): Router {
    const router = Router();
    router.post("/", (req, res) => this.create(req, res));
    router.get("/:id", (req, res) => this.show(req, res));
    router.patch("/:id", (req, res) => this.rename(req, res));
    router.post("/:id/members", (req, res) => this.addMember(req, res));
    router.get("/", (req, res) => this.list(req, res));
    return router;
  }

  async create(req: Request, res: Response) {
    const input = CreateProject.parse(req.body);
    const project = await this.projects.create(input);
    res.status(201).json(project);
  }

  async show(req: Request, res: Response) {
    // hh-expect: unvalidated-boundary/expressParams
    const project = await this.projects.findById(req.params.id);
    if (!project) return res.sendStatus(404);
    res.json(project);
  }

  async rename(req: Request, res: Response) {
    const id = z.string().uuid().parse(req.params.id);
    // hh-expect: unvalidated-boundary/expressBody
    const { name } = req.body;
    await this.projects.rename(id, name);
    res.sendStatus(204);
  }

  async addMember(req: Request, res: Response) {
    const id = z.string().uuid().parse(req.params.id);
    // hh-expect: unvalidated-boundary/expressBody
    await this.projects.addMember(id, req.body);
    res.sendStatus(201);
  }

  async list(req: Request, res: Response) {
    const limit = Math.min(Number(req.query.limit) || 25, 100);
    res.json(await this.projects.list({ limit }));
  }
}
